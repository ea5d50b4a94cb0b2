"""For the scripts that run with the system python (python3-uno), not the venv: start LibreOffice
headless with a private profile and a UNO pipe, connect, and quit it afterwards.

    with libreoffice("edit") as desktop:
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.25)
    raise SystemExit("LibreOffice did not start")


@contextlib.contextmanager
def libreoffice(name):
    """The Desktop of a fresh headless LibreOffice; it quits (or is killed) and its profile is
    removed when the block ends."""
    profile = tempfile.mkdtemp(prefix=f"lo-{name}-profile-")
    pipe = f"pk{name}{os.getpid()}"
    proc = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
         "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        ctx = _connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield desktop
    finally:
        if desktop is None:
            proc.terminate()
        else:
            try:
                desktop.terminate()
            except Exception:  # the bridge may close while LibreOffice quits
                pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
