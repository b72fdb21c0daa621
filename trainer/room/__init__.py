"""The live room: a small web server that lets phones join a team session (see docs/LIVE_ROOM.md)."""
