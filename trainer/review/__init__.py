"""Spaced review (issue 21): which questions come back, when, and how they are rated.

Qt-free. ``cards`` says which cards exist and which are due (no scheduler
needed, so Home can count them cheaply); ``schedule`` is the glue to FSRS
(the ``fsrs`` package, the scheduler behind modern Anki); ``answers`` marks
a scored answer and writes it as plain text for the records.

Every function takes the time as an argument: nothing here reads the clock.
"""
