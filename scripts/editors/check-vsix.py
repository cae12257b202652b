#!/usr/bin/env python3
"""check-vsix.py VSIX DEST -- check a platform .vsix carries the server, and unpack it as VS Code does.

Checks that the package holds the extension (package.json, out/src/extension.js), declares its
target platform, and carries server/copydesk (server/copydesk.exe for win32) with its executable
bits; then extracts it into DEST/extension with each file's mode from the zip entry (as VS Code's
own installer does), so a test can start the server from there. Prints one line per check
("PASS ..." / "FAIL ...") and exits 1 if any failed.
"""
import os
import re
import stat
import sys
import zipfile


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    vsix, dest = sys.argv[1], sys.argv[2]
    failed = 0

    def check(name: str, ok: bool, detail: str = "") -> None:
        nonlocal failed
        print(("PASS " if ok else "FAIL ") + name + ("" if ok or not detail else f": {detail}"))
        failed += 0 if ok else 1

    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
        manifest = z.read("extension.vsixmanifest").decode("utf-8") if "extension.vsixmanifest" in names else ""
        m = re.search(r'TargetPlatform="([^"]+)"', manifest)
        target = m.group(1) if m else ""
        check("vsix declares its target platform", target != "", "no TargetPlatform in extension.vsixmanifest")
        exe = "copydesk.exe" if target.startswith("win32") else "copydesk"
        for required in ("extension/package.json", "extension/out/src/extension.js", f"extension/server/{exe}"):
            check(f"vsix holds {required}", required in names, ", ".join(sorted(n for n in names if "server" in n)))
        server = f"extension/server/{exe}"
        if server in names:
            info = z.getinfo(server)
            mode = (info.external_attr >> 16) & 0o777
            if not target.startswith("win32"):
                check(f"{server} is executable (mode {mode:o})", mode & 0o111 == 0o111)
            check(f"{server} is not empty ({info.file_size} bytes)", info.file_size > 0)
        for info in z.infolist():
            if not info.filename.startswith("extension/") or info.is_dir():
                continue
            path = os.path.join(dest, *info.filename.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with z.open(info) as src, open(path, "wb") as out:
                out.write(src.read())
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(path, mode)
    unpacked = os.path.join(dest, "extension", "server", exe)
    if os.path.exists(unpacked) and not target.startswith("win32"):
        check("unpacked server is executable", bool(os.stat(unpacked).st_mode & stat.S_IXUSR))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
