/// Resolves a `--dataset` argument: a built-in generator's name, or else a path to a CSV file.
public enum DatasetLoader {
    /// The data set `nameOrPath` names. A built-in name (`moons`, any case) is generated in
    /// memory with `count` and `noise` (the generator's defaults when nil) and `seed`; anything
    /// else is read with `CSVDatasetReader`. To read a file that shares a built-in's name, write
    /// it as a path (`./moons`).
    public static func load(_ nameOrPath: String, count: Int? = nil, noise: Double? = nil,
                            seed: UInt64, task: LearningTask? = nil) throws(DatasetError) -> Dataset {
        if let generator = BuiltInDataset.named(nameOrPath) {
            return generator.generate(count: count ?? generator.defaultCount,
                                      noise: noise ?? generator.defaultNoise, seed: seed)
        }
        do {
            guard let task else { return try CSVDatasetReader.read(path: nameOrPath) }
            return try CSVDatasetReader.read(path: nameOrPath, options: CSVReadOptions(task: task)).dataset
        } catch .cannotOpen(let file, let reason) where reason == "no such file" && !nameOrPath.contains("/") {
            // A bare word that is neither a file nor a built-in is most likely a misspelt name.
            throw .cannotOpen(file: file, reason: "no such file, and no built-in data set of that name ("
                              + BuiltInDataset.namesList + ")")
        }
    }
}
