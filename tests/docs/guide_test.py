#!/usr/bin/env python3
"""The user guide's examples, built: docs/ja/*.md cannot go stale.

Each chapter starts from a site made by `hyoka new`. Its fenced code blocks are read in order:

  ```toml file=content/data/achievement.toml      a file of the site, written as shown
  ```csv file=content/data/x.csv encoding=cp932    the same, saved in CP932 (utf-8-sig, utf-16)
  ```text output                                   what `hyoka build -q` prints now, exactly
  ```text output command="check --verbose"         each line of it is in what that prints

A run of file blocks ends at the next block that is not one, or at a block that writes a file
the run has written already (a new example of the same file). Followed by an output block, the
site is built and its messages compared, and the files go back to what they were before the
run (an example of a mistake does not stay). Followed by anything else, or by the end of the
chapter, the site must build with --strict and print nothing, and stays as it is.

usage: guide_test.py HYOKA_BINARY SOURCE_DIR
HYOKA_UPDATE_GUIDE=1 writes what hyoka prints into the output blocks; read the diff.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")


def blocks(lines):
    """(info, body, first line, end line) of every fenced code block, in order."""
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, info = match.group(1), match.group(2).strip()
        body = []
        i += 1
        first = i
        while i < len(lines) and not (lines[i].startswith(fence) and lines[i].strip() == fence):
            body.append(lines[i])
            i += 1
        yield info, "\n".join(body) + "\n", first, i
        i += 1


def options(info):
    words = shlex.split(info)
    return words[0] if words else "", dict(w.split("=", 1) for w in words[1:] if "=" in w), words


class Chapter:
    def __init__(self, hyoka, work, name):
        self.hyoka = hyoka
        self.site = os.path.join(work, name)
        subprocess.run([hyoka, "new", self.site], check=True, capture_output=True)
        self.saved = None  # the files before the current run of file blocks
        self.written = set()  # the files the current run wrote
        self.failures = []
        self.name = name

    def run(self, *args):
        return subprocess.run([self.hyoka, *args], cwd=self.site, capture_output=True, text=True)

    def snapshot(self):
        files = {}
        for root, _, names in os.walk(self.site):
            for n in names:
                path = os.path.join(root, n)
                with open(path, "rb") as f:
                    files[os.path.relpath(path, self.site)] = f.read()
        return files

    def restore(self, files):
        for root, _, names in os.walk(self.site):
            for n in names:
                os.remove(os.path.join(root, n))
        for relative, data in files.items():
            path = os.path.join(self.site, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)

    def write(self, relative, body, encoding, where):
        if relative in self.written:
            self.check_builds(where)
        self.written.add(relative)
        if self.saved is None:
            self.saved = self.snapshot()
        path = os.path.join(self.site, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = body.encode(encoding)
        if relative.endswith(".csv"):
            data = data.replace(b"\n", b"\r\n")  # as Excel writes it
        with open(path, "wb") as f:
            f.write(data)

    def fail(self, what):
        self.failures.append(f"{self.name}: {what}")

    def check_builds(self, where):
        if self.saved is None:
            return
        result = self.run("build", "-q", "--strict")
        if result.returncode != 0 or result.stderr:
            self.fail(f"before {where}: the example site does not build with --strict:\n{result.stderr}")
        self.saved = None
        self.written = set()

    def check_output(self, expected, command, where):
        """What hyoka printed."""
        args = shlex.split(command) if command else ["build", "-q"]
        result = self.run(*args)
        if command:
            missing = [line for line in expected.splitlines() if line not in result.stderr]
            if missing or result.returncode != 0:
                self.fail(f"{where}: `hyoka {command}` printed\n{result.stderr}without\n" + "\n".join(missing))
        elif result.stderr != expected:
            self.fail(f"{where}: hyoka printed\n{result.stderr}\ninstead of\n{expected}")
        if self.saved is not None:
            self.restore(self.saved)
            self.saved = None
        self.written = set()
        public = os.path.join(self.site, "public")
        shutil.rmtree(public, ignore_errors=True)
        return result.stderr


def main():
    hyoka, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    guide = os.path.join(source, "docs", "ja")
    chapters = sorted(n for n in os.listdir(guide) if n.endswith(".md"))
    failures = []
    examples = 0
    update = os.environ.get("HYOKA_UPDATE_GUIDE") == "1"
    with tempfile.TemporaryDirectory(prefix="hyoka-guide-") as work:
        for name in chapters:
            with open(os.path.join(guide, name), encoding="utf-8") as f:
                lines = f.read().split("\n")
            chapter = Chapter(hyoka, work, name[:-3])
            replacements = []
            for number, (info, body, first, end) in enumerate(blocks(lines), 1):
                language, opts, words = options(info)
                where = f"block {number} ({info})"
                if "file" in opts:
                    encoding = {"cp932": "cp932", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(opts.get("encoding"), "utf-8")
                    chapter.write(opts["file"], body, encoding, where)
                    examples += 1
                elif "output" in words:
                    printed = chapter.check_output(body, opts.get("command"), where)
                    if update and not opts.get("command"):
                        replacements.append((first, end, printed.rstrip("\n").split("\n")))
                    examples += 1
                else:
                    chapter.check_builds(where)
            chapter.check_builds("the chapter's end")
            if update and replacements:
                for first, end, new in reversed(replacements):
                    lines[first:end] = new
                with open(os.path.join(guide, name), "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
                chapter.failures = [f for f in chapter.failures if "hyoka printed" not in f]
            failures += chapter.failures
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"guide_test: {len(chapters)} chapters, {examples} examples, {len(failures)} failed")
    return 1 if failures or examples == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
