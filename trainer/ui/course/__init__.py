"""The Course section: outline, module reader and bookmarks."""
