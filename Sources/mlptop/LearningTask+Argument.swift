import ArgumentParser
import Datasets

extension LearningTask: ExpressibleByArgument {}
