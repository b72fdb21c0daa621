"""The "Your turn" section: branching consultations held by choosing what to say (issue 22)."""
