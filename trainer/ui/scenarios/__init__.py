"""The Scenarios section: paired consultations and the practice panel."""
