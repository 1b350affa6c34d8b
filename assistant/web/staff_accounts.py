"""Staff console accounts, read only from the environment, with PBKDF2-hashed passwords.

``ASSISTANT_STAFF_USERS`` (``settings.staff_users``) holds comma-separated entries of the form
``name:pbkdf2_sha256$<iterations>$<salt_hex>$<hash_hex>``. Make one with::

    python -m assistant.web.staff_accounts alice          # asks for the password twice
    printf '%s\\n' "$PASSWORD" | python -m assistant.web.staff_accounts alice   # or from stdin

and use it::

    accounts = StaffAccounts.from_setting(settings.staff_users)   # raises StaffAccountsError if malformed
    accounts.enabled                   # False when none are configured: the console stays shut
    accounts.verify("alice", "secret") # constant-time; fits gradio's ``auth=`` callable

There is no default account and no default password. Unknown users cost a hash too, so timing does
not tell which names exist. Error messages name the entry's position, never its hash.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import hmac
import re
import secrets
import sys
from dataclasses import dataclass, field

ALGORITHM = "pbkdf2_sha256"
DEFAULT_ITERATIONS = 600_000  # OWASP 2023 recommendation for PBKDF2-HMAC-SHA256
SALT_BYTES = 16
ENV_VAR = "ASSISTANT_STAFF_USERS"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_HEX = re.compile(r"^(?:[0-9a-fA-F]{2})+$")
_FORMAT = f"'name:{ALGORITHM}$<iterations>$<salt_hex>$<hash_hex>'"


class StaffAccountsError(ValueError):
    """A malformed ``ASSISTANT_STAFF_USERS`` entry; the message names its position, not its hash."""


@dataclass(frozen=True)
class _Account:
    name: str
    iterations: int
    salt: bytes = field(repr=False)
    digest: bytes = field(repr=False)


def _derive(password: str, salt: bytes, iterations: int, length: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, dklen=length)


def hash_password(password: str, *, iterations: int = DEFAULT_ITERATIONS) -> str:
    """``pbkdf2_sha256$<iterations>$<salt_hex>$<hash_hex>`` for ``password``, with a fresh salt."""
    if not password:
        raise ValueError("the password must not be empty")
    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _derive(password, salt, iterations, hashlib.sha256().digest_size)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def _parse_entry(position: int, entry: str) -> _Account:
    def fail(problem: str) -> StaffAccountsError:
        return StaffAccountsError(
            f"{ENV_VAR} entry {position}: {problem}; expected {_FORMAT} "
            "(make one with `python -m assistant.web.staff_accounts NAME`)"
        )

    name, sep, encoded = entry.partition(":")
    name = name.strip()
    if not sep:
        raise fail("no ':' between the user name and the password hash")
    if not _NAME.match(name):
        raise fail("the user name must be 1-64 letters, digits or . _ @ - (starting with a letter or digit)")
    parts = encoded.strip().split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        raise fail(
            f"user {name!r} has a password that is not a {ALGORITHM} hash with four '$'-separated parts"
        )
    _, iterations_text, salt_hex, hash_hex = parts
    if not iterations_text.isdigit() or int(iterations_text) < 1:
        raise fail(f"user {name!r}: the iteration count must be a positive whole number")
    if not _HEX.match(salt_hex):
        raise fail(f"user {name!r}: the salt must be non-empty hexadecimal")
    if not _HEX.match(hash_hex) or len(hash_hex) < 32:
        raise fail(f"user {name!r}: the hash must be hexadecimal, at least 16 bytes")
    return _Account(name, int(iterations_text), bytes.fromhex(salt_hex), bytes.fromhex(hash_hex))


class StaffAccounts:
    """The staff accounts configured in the environment (possibly none)."""

    def __init__(self, accounts: tuple[_Account, ...] = ()) -> None:
        self._accounts = {account.name: account for account in accounts}
        # What an unknown user's attempt costs: as much as a real account's check.
        self._decoy = _Account(
            "",
            max((a.iterations for a in accounts), default=DEFAULT_ITERATIONS),
            secrets.token_bytes(SALT_BYTES),
            secrets.token_bytes(hashlib.sha256().digest_size),
        )

    @classmethod
    def from_setting(cls, text: str | None) -> StaffAccounts:
        """Parse ``ASSISTANT_STAFF_USERS``; blank means no accounts (the console is disabled)."""
        accounts: list[_Account] = []
        seen: set[str] = set()
        for position, entry in enumerate((text or "").split(","), start=1):
            if not entry.strip():
                continue
            account = _parse_entry(position, entry)
            if account.name in seen:
                raise StaffAccountsError(f"{ENV_VAR} entry {position}: user {account.name!r} appears twice")
            seen.add(account.name)
            accounts.append(account)
        return cls(tuple(accounts))

    @property
    def enabled(self) -> bool:
        return bool(self._accounts)

    @property
    def usernames(self) -> tuple[str, ...]:
        return tuple(sorted(self._accounts))

    def verify(self, username: str, password: str) -> bool:
        """True only for a configured user with the right password; constant-time in the password."""
        if not self._accounts or not isinstance(username, str) or not isinstance(password, str):
            return False
        account = self._accounts.get(username)
        known = account is not None
        if account is None:
            account = self._decoy
        candidate = _derive(password, account.salt, account.iterations, len(account.digest))
        return hmac.compare_digest(candidate, account.digest) and known

    def __repr__(self) -> str:
        return f"StaffAccounts(usernames={self.usernames!r})"


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Repeat password: "):
            raise SystemExit("error: the passwords do not match")
        return first
    line = sys.stdin.readline()
    return line.removesuffix("\n").removesuffix("\r")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.web.staff_accounts",
        description=f"Hash a staff console password and print the entry for {ENV_VAR}. "
        "The password is read with a hidden prompt, or from the first line of stdin when that is "
        "not a terminal.",
    )
    parser.add_argument("name", help="staff user name (letters, digits, . _ @ -)")
    parser.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS, help="PBKDF2 iterations")
    args = parser.parse_args(argv)
    if not _NAME.match(args.name):
        parser.error(
            "the user name must be 1-64 letters, digits or . _ @ - (starting with a letter or digit)"
        )
    if args.iterations < 1:
        parser.error("--iterations must be at least 1")
    password = _read_password()
    if not password:
        parser.error("the password must not be empty")
    print(f"{args.name}:{hash_password(password, iterations=args.iterations)}")
    print(
        f"Add this line to {ENV_VAR} (comma-separated for several users); quote it in a shell, "
        "because it contains '$'.",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
