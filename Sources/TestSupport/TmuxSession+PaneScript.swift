extension TmuxSession {
    /// The shell script the pane runs: ignore SIGINT in the shell, remember the tty modes, run the
    /// program (recording its pid, as `exec` keeps the inner shell's pid), record its status
    /// atomically, and report whether the tty modes came back. The shell then sleeps instead of
    /// exiting: tmux can drop a pane's last output when the pane's process exits right after it.
    static func paneScript(
        command: [String], environment: [String: String], stdoutPath: String?,
        pidPath: String, statusPath: String
    ) -> String {
        let exports = (["TERM": "tmux-256color", "LANG": "C.UTF-8"].merging(environment) { $1 })
            .sorted { $0.key < $1.key }
            .map { "export \($0.key)=\(shellQuoted($0.value))" }
        let redirect = stdoutPath.map { " > " + shellQuoted($0) } ?? ""
        let program = command.map(shellQuoted).joined(separator: " ")
        return """
            trap : INT
            \(exports.joined(separator: "\n"))
            before=$(stty -g)
            sh -c 'echo $$ > "$0"; exec "$@"' \(shellQuoted(pidPath)) \(program)\(redirect)
            status=$?
            after=$(stty -g)
            echo "$status" > \(shellQuoted(statusPath + ".tmp"))
            mv \(shellQuoted(statusPath + ".tmp")) \(shellQuoted(statusPath))
            if [ "$before" = "$after" ]; then echo '\(ttyRestoredLine)'; else echo 'tty modes changed'; fi
            exec sleep 86400

            """
    }

    /// `text` in single quotes for sh, with embedded single quotes escaped.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
