"""The Skills section: dashboard, self-assessment, observer checklist, counter, comparisons."""
