"""The QR code a phone scans to open the room's page (segno; PNG bytes, no Qt)."""

from __future__ import annotations

import io


def room_url(address: str, port: int, code: str = "") -> str:
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}/" + (f"?code={code}" if code else "")


def qr_png(url: str, scale: int = 6) -> bytes:
    """Black on white with the standard quiet zone, readable from a projector across a room."""
    import segno  # lazy: segno (~30 ms) only when a QR code is drawn, not when an address is said

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=scale, border=4, dark="#000", light="#fff")
    return out.getvalue()
