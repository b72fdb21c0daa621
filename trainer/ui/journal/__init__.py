"""The Journal section: reflections, the editor and the learner's own goals."""
