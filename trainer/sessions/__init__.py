"""Team sessions: plans (content), grouping, timing, reports and feedback bundles.

Plain Python only; the Qt side lives in ``trainer/ui/session_*.py`` and
``trainer/ui/session/presenter.py``.
"""
