"""Sending mail: SMTP settings from the workbook or the environment (STARTTLS and login), or
.eml files in an outbox folder when no server is set."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from partnerkeuze.errors import PartnerkeuzeError

ENV = "PARTNERKEUZE_SMTP_"
TIMEOUT = 20  # seconds per connection attempt
OUTBOX_NAME = "uitgaande-mail"
_HEADER_BAD = re.compile(r"[\r\n\x00-\x1f]+")


class MailUnavailable(PartnerkeuzeError):
    """The mail server could not be reached or refused us; the message is Dutch."""


@dataclass(frozen=True)
class RecipientRefused(MailUnavailable):
    """The server refused one recipient; other messages can still go."""


@dataclass(frozen=True)
class MailSettings:
    """Where mail goes: an SMTP server (host set) or an outbox folder of .eml files."""

    host: str = ""
    port: int = 587
    user: str = ""
    password: str = ""
    starttls: bool = True
    sender: str = ""
    outbox: Path | None = None
    cafile: str = ""

    @property
    def uses_server(self) -> bool:
        """True when mail goes to an SMTP server."""
        return bool(self.host)


def _truthy(text: str) -> bool:
    return text.strip().casefold() in ("1", "ja", "yes", "true", "waar", "on")


def mail_settings(values: dict, profile: dict, workbook_dir: Path,
                  env: dict | None = None) -> MailSettings:
    """Mail settings: the environment (PARTNERKEUZE_SMTP_*) wins over the workbook's settings."""
    env = os.environ if env is None else env

    def pick(key: str, field: str, default=""):
        value = env.get(ENV + key)
        if value not in (None, ""):
            return value
        value = values.get(field)
        return default if value in (None, "") else value

    port = pick("PORT", "smtp_port", 587)
    try:
        port = int(port)
    except (TypeError, ValueError):
        raise MailUnavailable(f"{ENV}PORT: '{port}' is geen poortnummer") from None
    tls = env.get(ENV + "STARTTLS")
    starttls = _truthy(tls) if tls not in (None, "") else (values.get("smtp_starttls") or "ja") == "ja"
    outbox = values.get("outbox")
    outbox_dir = Path(outbox) if outbox else workbook_dir / OUTBOX_NAME
    if not outbox_dir.is_absolute():
        outbox_dir = workbook_dir / outbox_dir
    return MailSettings(
        host=str(pick("HOST", "smtp_host")).strip(), port=port,
        user=str(pick("USER", "smtp_user")).strip(), password=env.get(ENV + "PASSWORD", ""),
        starttls=starttls,
        sender=str(pick("FROM", "smtp_from") or profile.get("coordinator_email") or "").strip(),
        outbox=outbox_dir, cafile=env.get(ENV + "CAFILE", ""))


def header(text: str, limit: int = 200) -> str:
    """A safe one-line header value (no line breaks or control characters), capped."""
    return _HEADER_BAD.sub(" ", str(text)).strip()[:limit]


def message(sender: str, to: str, subject: str, body: str, language: str) -> EmailMessage:
    """A plain-text mail."""
    msg = EmailMessage()
    msg["From"] = header(sender)
    msg["To"] = header(to)
    msg["Subject"] = header(subject, 250)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="partnerkeuze.local")
    msg["X-Mailer"] = "Partnerkeuze"
    msg.set_content(body[:20_000])
    msg["Content-Language"] = header(language, 8)  # after set_content, which drops Content-*
    return msg


class Postman:
    """Delivers messages: one SMTP connection per pass, or .eml files in the outbox."""

    def __init__(self, settings: MailSettings):
        self.settings = settings
        self._smtp = None
        self.written: list[Path] = []

    def __enter__(self):
        if self.settings.uses_server:
            self._connect()
        return self

    def __exit__(self, *exc) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except Exception:  # the connection is gone anyway
                pass
            self._smtp = None

    def _where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    def _unreachable(self, exc: Exception) -> "MailUnavailable":
        """The Dutch error for a server that cannot be reached or fails mid-way."""
        from partnerkeuze.errors import os_reason

        if isinstance(exc, OSError) and exc.errno:
            reason = os_reason(exc)
        elif isinstance(exc, TimeoutError) or "timed out" in str(exc):
            reason = "de verbinding duurde te lang"
        else:
            reason = f"fout {type(exc).__name__}"
        return MailUnavailable(f"de mailserver {self._where()} is niet bereikbaar ({reason})")

    def _connect(self) -> None:
        import smtplib
        import ssl

        s = self.settings
        try:
            context = ssl.create_default_context(cafile=s.cafile or None)
            if s.port == 465:
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
                smtp.ehlo()
                if s.starttls:
                    smtp.starttls(context=context)
                    smtp.ehlo()
            if s.user:
                smtp.login(s.user, s.password)
        except smtplib.SMTPAuthenticationError:
            raise MailUnavailable(f"de mailserver {self._where()} weigert de aanmelding van "
                                  f"'{s.user}': controleer gebruikersnaam en "
                                  f"PARTNERKEUZE_SMTP_PASSWORD") from None
        except smtplib.SMTPNotSupportedError:
            raise MailUnavailable(f"de mailserver {self._where()} kent geen STARTTLS: zet "
                                  f"'Versleutelen met STARTTLS' op nee of gebruik poort 465") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise self._unreachable(exc) from None
        self._smtp = smtp

    def send(self, msg: EmailMessage, name: str) -> None:
        """Deliver one message (MailUnavailable when the server fails)."""
        if not self.settings.uses_server:
            from partnerkeuze.xlsx.file_workbook import write_file

            safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)[:80]
            path = self.settings.outbox / f"{safe}.eml"
            write_file(path, bytes(msg))
            self.written.append(path)
            return
        import smtplib

        try:
            self._smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused:
            raise RecipientRefused(f"de mailserver {self._where()} weigert de ontvanger "
                                  f"{msg['To']}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise self._unreachable(exc) from None
