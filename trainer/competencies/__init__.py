"""The competency framework: observable skills, rating scale and thresholds."""
