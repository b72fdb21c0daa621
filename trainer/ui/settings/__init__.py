"""File > Settings and the profile chooser."""
