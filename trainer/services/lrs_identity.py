"""Who the learner is at their organisation, per profile, for the xAPI actor.

Kept in the store (record kind ``xapi_identity``, uid = the profile id) so
that the app and ``trainer send-xapi`` use the same: either an e-mail address
(the actor's ``mbox``) or an account name such as a staff number (an account
at the organisation's home page). Neither: the profile's random id is used.
"""

from __future__ import annotations

import re

from trainer.records.store import RecordStore

IDENTITY = "xapi_identity"
_EMAIL = re.compile(r"^[^@\s:]+@[^@\s]+\.[^@\s]+$")


class IdentityError(ValueError):
    """The identity typed will not do (one plain sentence)."""


def check_identity(mbox: str = "", account: str = "") -> dict:
    mbox, account = mbox.strip(), account.strip()
    if mbox.lower().startswith("mailto:"):
        mbox = mbox[7:]
    if mbox and account:
        raise IdentityError("Give either your work e-mail address or your staff number, not both.")
    if mbox and not _EMAIL.match(mbox):
        raise IdentityError(f"'{mbox}' is not an e-mail address; it should look like name@example.org.")
    if account and (len(account) > 200 or any(c.isspace() and c != " " for c in account)):
        raise IdentityError("The staff number or account name should be one short line.")
    return {"mbox": mbox} if mbox else ({"account": account} if account else {})


def read_identity(store: RecordStore, profile_id: str) -> dict:
    rec = store.get(IDENTITY, profile_id)
    if rec is None:
        return {}
    try:
        return check_identity(str(rec.get("mbox") or ""), str(rec.get("account") or ""))
    except IdentityError:
        return {}


def save_identity(store: RecordStore, profile_id: str, mbox: str = "", account: str = "") -> dict:
    """Keep the profile's identity ("" for both: none); raises IdentityError."""
    identity = check_identity(mbox, account)
    fields = {"mbox": identity.get("mbox", ""), "account": identity.get("account", "")}
    if store.get(IDENTITY, profile_id) is None:
        store.add(IDENTITY, {"uid": profile_id, "profile": profile_id, **fields})
    else:
        store.update(IDENTITY, profile_id, fields)
    return identity
