"""The browser's age library as the editor loads it: vendored ES modules that node runs and ``age`` (pyrage) opens."""

from __future__ import annotations

import base64
import re
import subprocess
from pathlib import Path

import pytest

from site_gen.site.admin import PACKAGE_ROOT
from site_gen.site.age_vendor import ENTRY, vendor

MODULES = PACKAGE_ROOT / "node_modules"
pytestmark = pytest.mark.skipif(not (MODULES / ENTRY).is_file(), reason="npm ci nicht ausgeführt (age-encryption fehlt)")


def test_vendored_age_seals_what_python_opens(tmp_path: Path) -> None:
    from pyrage import decrypt, x25519

    written = vendor(MODULES, tmp_path / "age")
    scripts = [f for f in written if f.suffix == ".js"]
    bare = [(f.name, m) for f in scripts for m in re.findall(r"""^\s*(?:import|export)[^'"\n]*?from\s*["']([^."'][^"']*)["']""",
                                                             f.read_text(encoding="utf-8"), re.MULTILINE)]
    assert bare == [], bare  # every import is a relative path: a browser loads them without an import map
    assert (tmp_path / "age" / "age-encryption" / "LICENSE").is_file()  # the licences travel with the code
    ident = x25519.Identity.generate()
    script = tmp_path / "seal.mjs"
    script.write_text(f"""import {{ Encrypter }} from "./age/{ENTRY}";
const e = new Encrypter();
e.addRecipient("{ident.to_public()}");
const sealed = await e.encrypt(new TextEncoder().encode("tn-0001|support_log/*/note\\n" + JSON.stringify("Grüße, \\"zitiert\\"")));
process.stdout.write(Buffer.from(sealed).toString("base64"));
""", encoding="utf-8")
    done = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    plain = decrypt(base64.b64decode(done.stdout), [ident]).decode()
    assert plain == 'tn-0001|support_log/*/note\n"Grüße, \\"zitiert\\""'
