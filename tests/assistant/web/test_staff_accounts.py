from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.web import staff_accounts
from assistant.web.staff_accounts import StaffAccounts, StaffAccountsError, hash_password

FAST = 1_000  # iterations: keeps tests quick; the default is the OWASP figure
ROOT = Path(__file__).resolve().parents[3]


def entry(name: str, password: str) -> str:
    return f"{name}:{hash_password(password, iterations=FAST)}"


def test_hash_format_and_fresh_salt() -> None:
    one, two = hash_password("pw", iterations=FAST), hash_password("pw", iterations=FAST)
    algorithm, iterations, salt, digest = one.split("$")
    assert (algorithm, iterations) == ("pbkdf2_sha256", str(FAST))
    assert digest == hashlib.pbkdf2_hmac("sha256", b"pw", bytes.fromhex(salt), FAST).hex()
    assert one != two  # a new salt every time
    assert hash_password("pw").split("$")[1] == str(staff_accounts.DEFAULT_ITERATIONS)


def test_empty_password_cannot_be_hashed() -> None:
    with pytest.raises(ValueError):
        hash_password("", iterations=FAST)


@pytest.mark.parametrize("setting", ["", "   ", None, " , ,"])
def test_no_accounts_means_disabled_and_nobody_gets_in(setting: str | None) -> None:
    accounts = StaffAccounts.from_setting(setting)
    assert not accounts.enabled
    assert not accounts.verify("admin", "admin")
    assert not accounts.verify("", "")


def test_verify_accepts_only_the_right_password_for_each_user() -> None:
    accounts = StaffAccounts.from_setting(f" {entry('alice', 'wonderland')} ,{entry('bob.s', 'b0b')}")
    assert accounts.enabled
    assert accounts.usernames == ("alice", "bob.s")
    assert accounts.verify("alice", "wonderland")
    assert accounts.verify("bob.s", "b0b")
    assert not accounts.verify("alice", "b0b")
    assert not accounts.verify("alice", "wonderland ")
    assert not accounts.verify("Alice", "wonderland")
    assert not accounts.verify("mallory", "wonderland")
    assert not accounts.verify("alice", None)  # type: ignore[arg-type]


def test_unknown_users_cost_a_hash_too(monkeypatch: pytest.MonkeyPatch) -> None:
    accounts = StaffAccounts.from_setting(entry("alice", "pw"))
    calls: list[int] = []
    real = hashlib.pbkdf2_hmac

    def counting(name: str, password: bytes, salt: bytes, iterations: int, dklen: int | None = None) -> bytes:
        calls.append(iterations)
        return real(name, password, salt, iterations, dklen)

    monkeypatch.setattr(staff_accounts.hashlib, "pbkdf2_hmac", counting)
    assert not accounts.verify("nobody", "pw")
    assert not accounts.verify("alice", "wrong")
    assert calls == [FAST, FAST]


def test_repr_shows_names_not_hashes() -> None:
    setting = entry("alice", "pw")
    accounts = StaffAccounts.from_setting(setting)
    salt_hex, hash_hex = setting.split("$")[2:]
    assert "alice" in repr(accounts)
    assert salt_hex not in repr(accounts)
    assert hash_hex not in repr(accounts)


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("alice", "no ':'"),
        (":pbkdf2_sha256$1000$00ff$" + "ab" * 32, "user name"),
        ("al ice:pbkdf2_sha256$1000$00ff$" + "ab" * 32, "user name"),
        ("alice:plaintext-password", "four"),
        ("alice:md5$1000$00ff$" + "ab" * 32, "four"),
        ("alice:pbkdf2_sha256$-5$00ff$" + "ab" * 32, "iteration"),
        ("alice:pbkdf2_sha256$lots$00ff$" + "ab" * 32, "iteration"),
        ("alice:pbkdf2_sha256$1000$zz$" + "ab" * 32, "salt"),
        ("alice:pbkdf2_sha256$1000$00ff$abcd", "hash"),
        ("alice:pbkdf2_sha256$1000$00ff$" + "xy" * 32, "hash"),
    ],
)
def test_malformed_entries_name_their_position_and_never_echo_secrets(bad: str, words: str) -> None:
    setting = f"{entry('first', 'pw')},{bad}"
    with pytest.raises(StaffAccountsError) as info:
        StaffAccounts.from_setting(setting)
    message = str(info.value)
    assert "entry 2" in message
    assert words in message
    secret = bad.partition(":")[2] if ":" in bad else bad
    assert secret not in message
    assert setting.split(",")[0].split("$")[-1] not in message  # the good entry's hash neither


def test_duplicate_users_are_refused() -> None:
    with pytest.raises(StaffAccountsError, match="entry 3: user 'alice' appears twice"):
        StaffAccounts.from_setting(f"{entry('alice', 'a')},{entry('bob', 'b')},{entry('alice', 'c')}")


def test_cli_reads_stdin_and_prints_a_working_entry(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret pass\n"))
    assert staff_accounts.main(["carol", "--iterations", str(FAST)]) == 0
    out, err = capsys.readouterr()
    line = out.strip()
    assert line.startswith("carol:pbkdf2_sha256$1000$")
    assert "s3cret" not in out + err
    assert "ASSISTANT_STAFF_USERS" in err
    accounts = StaffAccounts.from_setting(line)
    assert accounts.verify("carol", "s3cret pass")
    assert not accounts.verify("carol", "s3cret pass\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_prompts_twice_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["pw1", "pw1"])
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(staff_accounts.getpass, "getpass", lambda prompt="": next(answers))
    assert staff_accounts.main(["dave", "--iterations", str(FAST)]) == 0
    assert StaffAccounts.from_setting(capsys.readouterr().out.strip()).verify("dave", "pw1")

    answers = iter(["pw1", "pw2"])
    with pytest.raises(SystemExit, match="do not match"):
        staff_accounts.main(["dave", "--iterations", str(FAST)])


@pytest.mark.parametrize(
    ("argv", "stdin"), [(["erin"], "\n"), (["bad name"], "pw\n"), (["x", "--iterations", "0"], "pw\n")]
)
def test_cli_refuses_empty_password_bad_name_or_iterations(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as info:
        staff_accounts.main(argv)
    assert info.value.code == 2


def test_module_runs_as_a_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant.web.staff_accounts", "frank", "--iterations", str(FAST)],
        input="pw\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert StaffAccounts.from_setting(result.stdout.strip()).verify("frank", "pw")
