import MLPEngine
import Monitor
import Testing
import Training

/// Whether an edit came after the last step is told by the trainer's edit count, which each step
/// record carries, not by comparing values: the cases a value comparison got wrong.
@Suite struct ParameterEditSinceTests {
    /// Typing back the value the weight had before the last step (undoing it) is an edit after it.
    @Test func anEditThatTypesTheValueTheStepStartedFromIsSinceIt() throws {
        let run = try InspectorUpdateTests.run(.sgd)
        let step = try #require(run.lastStep)
        let index = run.network.parameterIndex(layer: 1, neuron: 0, input: 0)
        let typed = step.before[index]
        let edit = ParameterEdit(index: index, name: "layer 2 w(1,1)", from: run.network.parameters[index], to: typed,
                                 parameterEdits: 1)
        run.setParameter(index, to: typed)
        #expect(edit.isSince(step, parameterEdits: 1, generation: 0))
    }

    /// A step made after the edit whose end value is the typed one (it started elsewhere) is a step
    /// after the edit.
    @Test func aStepThatLandsOnTheTypedValueIsAfterTheEdit() throws {
        let run = try InspectorUpdateTests.run(.sgd)
        let index = run.network.parameterIndex(layer: 1, neuron: 0, input: 0)
        let edit = ParameterEdit(index: index, name: "layer 2 w(1,1)", from: 0.3, to: 0.5, parameterEdits: 1)
        var step = try #require(run.lastStep)
        step.parameterEdits = 1  // made with the edit in: TrainerState.record stamps the count
        step.before[index] = 0.49
        step.change[index] = 0.01
        #expect(!edit.isSince(step, parameterEdits: 1, generation: 0))
        // The same record made before the edit: the edit is since it.
        step.parameterEdits = 0
        #expect(edit.isSince(step, parameterEdits: 1, generation: 0))
    }

    /// A later edit or rewind (the count moved on) or a reset (a new generation) ends it.
    @Test func aLaterChangeOfTheWeightsEndsIt() {
        let edit = ParameterEdit(index: 0, name: "layer 1 w(1,1)", from: 0.3, to: 0.5, parameterEdits: 4, generation: 2)
        #expect(edit.isSince(nil, parameterEdits: 4, generation: 2))
        #expect(!edit.isSince(nil, parameterEdits: 5, generation: 2))
        #expect(!edit.isSince(nil, parameterEdits: 4, generation: 3))
    }
}
