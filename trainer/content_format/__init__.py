"""What every kind of course content shares: YAML front matter and schema checks.

Stdlib, PyYAML and pydantic only: modules, scenarios, the competency framework,
journal templates and session plans all read their files through this package."""
