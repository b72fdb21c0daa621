"""Shared widgets and helpers every feature uses: theme and appearance, zoom, focus ring, layouts."""
