import Datasets
import MLPEngine

extension SnapshotWriter {
    /// The confusion matrices of `network` on the run's training and test sets (network inputs).
    /// O(weights × samples): one forward pass over each set.
    static func confusion(network: Network, run: PreparedRun) -> (train: ConfusionMatrix, test: ConfusionMatrix) {
        (ConfusionMatrix(network: network, data: run.trainingSet), ConfusionMatrix(network: network, data: run.testSet))
    }

    /// `confusion.csv`: `set,true_class,<predicted class…>`, then a row per true class of the
    /// training set (`train`) and of the test set (`test`), counts of each predicted class.
    static func confusionCSV(_ matrices: (train: ConfusionMatrix, test: ConfusionMatrix)) -> String {
        ([matrices.train.csvHeader] + matrices.train.csvRows(set: "train") + matrices.test.csvRows(set: "test"))
            .joined(separator: "\n") + "\n"
    }

    /// The matrices as text for the end of `screen.txt`, training set first.
    static func confusionText(_ matrices: (train: ConfusionMatrix, test: ConfusionMatrix)) -> [String] {
        [("training", matrices.train), ("test", matrices.test)].flatMap { name, matrix in
            ["", "Confusion matrix, \(name) set (\(matrix.total) samples, accuracy "
             + "\(matrix.total == 0 ? "-" : "\((matrix.accuracy * 1000).rounded() / 10)%"); rows: true class, "
             + "columns: predicted)"] + matrix.tableLines
        }
    }
}
