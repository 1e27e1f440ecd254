#!/usr/bin/env bash
# The Debian package as a new user gets it: CPack makes it from this build, lintian finds no
# error in it, and in a minimal Debian 12 root made by mmdebstrap from this machine's own apt
# sources, `apt-get install ./hyoka_<version>_amd64.deb` brings hyoka and its libraries, and
# `hyoka new s && cd s && hyoka build --strict` works there with nothing else.
#   package_test.sh BUILD_DIR
# mmdebstrap's root mode and chroot need root. CI runs as root, so there the test fails rather
# than skip without it; elsewhere it is skipped (exit 77).
set -euo pipefail
build_dir=$(cd "$1" && pwd)

if [ "$(id -u)" -ne 0 ]; then
  if [ -n "${CI:-}" ]; then
    echo "package_test: needs root (mmdebstrap, chroot), and CI runs as root" >&2
    exit 1
  fi
  echo "package_test: skipped: needs root (mmdebstrap, chroot)"
  exit 77
fi
for tool in cpack mmdebstrap lintian dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "package_test: no $tool: run tools/setup" >&2; exit 1; }
done

work=$(mktemp -d /tmp/hyoka-package-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
started=$SECONDS

echo "== cpack"
cpack --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(find "$work/out" -maxdepth 1 -name 'hyoka_*_amd64.deb')
[ -f "$deb" ] || { echo "package_test: cpack made no hyoka_*_amd64.deb" >&2; exit 1; }
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"
dpkg-deb --field "$deb" Version Depends

echo "== lintian"
lintian --fail-on error --tag-display-limit 0 "$deb"

echo "== a minimal Debian 12 root from this machine's apt sources"
# The Debian suites this machine installs from (its mirror, updates and security), as apt
# sees them: nothing from the internet but Debian's mirrors, and no third-party repository.
mirrors=()
while read -r uri suite component; do
  mirrors+=("deb $uri $suite $component")
done < <(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' \
           'Created-By: Packages' | grep ' bookworm' | sort -u)
((${#mirrors[@]})) || { echo "package_test: no bookworm apt source on this machine" >&2; exit 1; }
printf '%s\n' "${mirrors[@]}"

name=$(basename "$deb")
mmdebstrap --variant=apt --quiet \
  --customize-hook="copy-in '$deb' /tmp" \
  --customize-hook="chroot \"\$1\" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$name" \
  --customize-hook='chroot "$1" sh -ec "cd /tmp && hyoka --version && hyoka new s && cd s && hyoka build --strict && test -s public/index.html && test -f /usr/share/man/man1/hyoka.1.gz"' \
  bookworm "$work/root" "${mirrors[@]}"

echo "package_test: passed in $((SECONDS - started)) s"
