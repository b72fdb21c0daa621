"""Documents printed on A4: the CPD portfolio and the team session report.

Qt's text layout and PDF writer (QtGui only, never QtWidgets), so a headless
``trainer export --format pdf`` prints without loading the widgets layer.
One writer, ``a4.write_a4``, lays out every document the same way.
"""
