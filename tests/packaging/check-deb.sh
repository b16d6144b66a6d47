#!/usr/bin/env bash
# Builds the Debian package of a build tree with cpack, into a throw-away folder, and checks it from
# the outside: the file list, the control fields, the desktop entry and AppStream metadata, that apt
# can satisfy its Depends, and that the program unpacked from it loads every module and its
# translations from the unpacked tree (never from the build tree) and renders its pictures.
#
# usage: check-deb.sh CPACK BUILD_DIR MODULE_IDS
#   CPACK       the cpack executable
#   BUILD_DIR   a built build tree (holding CPackConfig.cmake)
#   MODULE_IDS  the module ids the package must carry, comma separated
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 CPACK BUILD_DIR MODULE_IDS" >&2
    exit 2
fi
cpack=$1
build=$(realpath "$2")
IFS=, read -ra modules <<<"$3"
app_id=org.hexhub.Hexhub

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "-- $*"; }

[ ${#modules[@]} -gt 0 ] || fail "no module ids given"
for tool in dpkg-deb dpkg apt-get desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || fail "$tool is missing (packaging/install-deps.sh installs it)"
done

work=$(realpath "$(mktemp -d "${TMPDIR:-/tmp}/hexhub-deb.XXXXXX")")
trap 'rm -rf "$work"' EXIT
# apt reads a local package as the unprivileged _apt user when run as root.
chmod 755 "$work"

step "cpack -G DEB from $build"
started=$SECONDS
if ! (cd "$build" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack failed"
fi
shopt -s nullglob
debs=("$work"/out/*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb, cpack made: ${debs[*]:-none}"
deb=${debs[0]}
field() { dpkg-deb --field "$deb" "$1"; }
version=$(field Version)
arch=$(field Architecture)
[ "$(basename "$deb")" = "hexhub_${version}_${arch}.deb" ] \
    || fail "the package is called $(basename "$deb"), not hexhub_${version}_${arch}.deb"
[ "$arch" = "$(dpkg --print-architecture)" ] || fail "architecture $arch, this machine is $(dpkg --print-architecture)"
echo "   $(basename "$deb"): $(stat -c %s "$deb") bytes, made in $((SECONDS - started)) s"

step "control fields"
[ "$(field Package)" = hexhub ] || fail "Package is '$(field Package)'"
for name in Maintainer Description Section Priority Depends; do
    [ -n "$(field "$name")" ] || fail "the control file has no $name"
done
[ -z "$(field Homepage)" ] || fail "Homepage is set to '$(field Homepage)', but there is no public site"
depends=$(field Depends)
echo "   Depends: $depends"
# Linked libraries found by dpkg-shlibdeps, and the SQLite driver the program loads at run time.
for dep in libc6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6svg6 libqt6sql6-sqlite; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep"
done

step "file list"
dpkg-deb --contents "$deb" | awk '{ sub(/^\./, "", $6); print $6 }' >"$work/files"
echo "   $(grep -vc '/$' "$work/files") files"
need() { grep -qxF "$1" "$work/files" || fail "the package lacks $1"; }
need /usr/bin/hexhub
need /usr/lib/hexhub/hexhub_alertsound.so # the alert sound, loaded on first use
for id in "${modules[@]}"; do
    need "/usr/lib/hexhub/modules/hexhub_$id.so"
    # the module's domain library, which its plugin and the modules that require it link
    grep -qE "^/usr/lib/libhexhub-$id\.so\.[0-9]+$" "$work/files" || fail "the package lacks libhexhub-$id"
done
grep -qE '^/usr/lib/libhexhub-training-engine\.so\.[0-9]+$' "$work/files" || fail "the package lacks libhexhub-training-engine"
shipped=$(grep -c '^/usr/lib/hexhub/modules/.*\.so$' "$work/files" || true)
[ "$shipped" -eq ${#modules[@]} ] || fail "the package has $shipped modules, the build has ${#modules[@]}"
# Every translation the build compiled is installed.
qm_count=0
for qm in "$build"/share/hexhub/translations/*.qm; do
    [ -e "$qm" ] || continue
    need "/usr/share/hexhub/translations/$(basename "$qm")"
    qm_count=$((qm_count + 1))
done
[ $qm_count -gt 0 ] || fail "the build tree has no translations in $build/share/hexhub/translations"
need /usr/share/hexhub/translations/hexhub_zh_CN.qm
need "/usr/share/applications/$app_id.desktop"
need "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
need "/usr/share/metainfo/$app_id.metainfo.xml"
need /usr/share/doc/hexhub/copyright

root=$work/root
dpkg-deb --extract "$deb" "$root"
# No run path, search path or other reference back into the build tree.
if grep -rlF "$build" "$root"; then
    fail "the files above refer to the build tree $build"
fi

step "desktop entry"
desktop=$root/usr/share/applications/$app_id.desktop
# desktop-file-validate exits 0 on some errors ("will be fatal in the future"): read its words too.
if ! desktop-file-validate "$desktop" >"$work/desktop.log" 2>&1 || grep -q ': error:' "$work/desktop.log"; then
    cat "$work/desktop.log" >&2
    fail "desktop-file-validate found errors"
fi
cat "$work/desktop.log"
for key in 'Name\[zh_CN\]' 'Comment\[zh_CN\]' 'GenericName\[zh_CN\]'; do
    grep -Eq "^$key=.+" "$desktop" || fail "the desktop entry has no ${key//\\/}"
done
grep -qx 'Exec=hexhub' "$desktop" || fail "the desktop entry does not run hexhub"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's icon is not $app_id"
grep -q '<svg' "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" || fail "the icon is not SVG"

step "AppStream metadata"
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
# Errors fail; warnings and infos are printed with their explanation.
if ! appstreamcli validate --no-net --explain "$metainfo" >"$work/appstream.log" 2>&1; then
    cat "$work/appstream.log" >&2
    fail "appstreamcli validate found errors"
fi
cat "$work/appstream.log"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "the metadata does not launch $app_id.desktop"
for tag in name summary p; do
    grep -q "<$tag xml:lang=\"zh_CN\">" "$metainfo" || fail "the metadata has no zh_CN <$tag>"
done

step "apt-get install --simulate (Depends resolve; no root needed)"
if ! apt-get install --simulate --reinstall "$deb" >"$work/apt.log" 2>&1; then
    cat "$work/apt.log" >&2
    fail "apt cannot install the package"
fi
grep -E '^(Inst|Conf) hexhub ' "$work/apt.log" || { cat "$work/apt.log" >&2; fail "apt would not install hexhub"; }

# The unpacked program runs with nothing pointing at the build tree, in a home of its own.
run() {
    env -u HEXHUB_MODULE_PATH -u LD_LIBRARY_PATH -u QT_PLUGIN_PATH \
        HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
        XDG_RUNTIME_DIR="$work/runtime" "$@"
}
mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"

step "hexhub --list-modules from the unpacked package"
# LD_DEBUG names every shared object the loader initialises: all of Hexhub's must be the unpacked ones.
if ! run env LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" "$root/usr/bin/hexhub" \
    --store "sqlite://$work/list.db" --list-modules >"$work/list.log" 2>&1; then
    cat "$work/list.log" >&2
    fail "hexhub --list-modules failed"
fi
cat "$work/list.log"
for id in "${modules[@]}"; do
    grep -Eq "^$id +[^ ]+ +loaded" "$work/list.log" || fail "module $id is not loaded"
done
loaded=$(grep -Ec '^[a-z_]+ +[^ ]+ +loaded' "$work/list.log" || true)
[ "$loaded" -eq ${#modules[@]} ] || fail "$loaded modules loaded, expected ${#modules[@]}"
grep -h 'calling init:' "$work"/ld.* | awk '{ print $NF }' | while read -r object; do realpath -m "$object"; done \
    | sort -u >"$work/objects"
grep -E '/(libhexhub-[a-z_-]+\.so|hexhub_[a-z_]+\.so)' "$work/objects" >"$work/hexhub-objects" || true
if grep -v "^$root/usr/lib/" "$work/hexhub-objects"; then
    fail "the objects above were loaded from outside the unpacked package"
fi
grep -q "^$root/usr/lib/libhexhub-core\.so" "$work/hexhub-objects" || fail "libhexhub-core was not loaded from the package"
from_package=$(grep -c "^$root/usr/lib/hexhub/modules/hexhub_[a-z_]*\.so$" "$work/hexhub-objects" || true)
[ "$from_package" -eq ${#modules[@]} ] \
    || fail "$from_package module libraries loaded from the package, expected ${#modules[@]}"
for id in "${modules[@]}"; do
    grep -q "^$root/usr/lib/libhexhub-$id\.so" "$work/hexhub-objects" || fail "libhexhub-$id was not loaded from the package"
done
echo "   $from_package modules, their domain libraries and libhexhub-core loaded from $root/usr/lib"

step "translations from the unpacked package"
run env LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$root/usr/bin/hexhub" --help >"$work/help-zh.log" 2>&1 || true
LC_ALL=C.UTF-8 grep -Pq '[\x{4e00}-\x{9fff}]' "$work/help-zh.log" \
    || { head -5 "$work/help-zh.log" >&2; fail "LANGUAGE=zh_CN hexhub --help is not in Chinese"; }
head -2 "$work/help-zh.log"

step "hexhub --screenshots from the unpacked package"
started=$SECONDS
if ! run "$root/usr/bin/hexhub" --screenshots "$work/shots" >"$work/shots.log" 2>&1; then
    cat "$work/shots.log" >&2
    fail "hexhub --screenshots failed"
fi
shopt -s nullglob
pictures=("$work"/shots/*.png)
shopt -u nullglob
# At least each module in day and night, English and Chinese.
[ ${#pictures[@]} -ge $((4 * ${#modules[@]})) ] || fail "only ${#pictures[@]} pictures written"
for picture in "${pictures[@]}"; do
    [ "$(od -An -tx1 -N8 "$picture" | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$picture is not a PNG"
done
for id in "${modules[@]}"; do
    ls "$work/shots" | grep -q -- "-$id-" || fail "no picture of module $id"
done
echo "   ${#pictures[@]} PNG files in $((SECONDS - started)) s"

echo "OK: $(basename "$deb") installs ${#modules[@]} modules, $qm_count translations, desktop entry, icon and metadata"
