"""What the CPD side needs of attendance files without their format's models (pydantic, about
100 ms to import): the record kind and the error. The CPD section opens with these; the file is
read and checked (``trainer.sessions.attendance``) only when one is imported."""

from __future__ import annotations

KIND = "session_attendance"


class AttendanceError(ValueError):
    """An attendance file that cannot be read or imported; str() is one plain line."""
