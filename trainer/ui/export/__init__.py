"""Export and import: portfolio and backups, PDF, and sending to a learning record store."""
