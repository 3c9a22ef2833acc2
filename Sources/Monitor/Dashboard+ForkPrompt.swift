extension Dashboard {
    /// The fork prompt's wordings, longest first: the message line shows the longest that leaves
    /// room for what is typed (`PromptLine`), so at 80 columns the typed change stays in view.
    static let forkPromptWordings = [
        "fork with one change (lr=0.3, optimizer=adam, activation=relu, hidden=8,8, seed=7 ...), Enter starts it, Esc cancels: ",
        "fork with one change (lr=0.3, optimizer=adam ...), Enter starts, Esc cancels: ",
        "fork with one change (e.g. lr=0.3), Enter starts, Esc cancels: ",
        "fork with one change (e.g. lr=0.3): ",
        "fork: ",
    ]
}
