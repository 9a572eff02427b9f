#!/bin/sh
# Add Urgent Action letters to the desktop menu and put `uaction` and `uaction-desktop` in
# ~/.local/bin, from wherever this folder was unpacked. `./install.sh --remove` undoes it.
# Nothing outside your home folder is touched; your cases, drafts and log are never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin="${HOME}/.local/bin"
if [ "${1:-}" = "--remove" ]; then
    "$here/uaction-desktop" --remove-desktop-entry
    for program in uaction uaction-desktop; do
        if [ -L "$bin/$program" ]; then rm -f "$bin/$program"; fi
    done
    exit 0
fi
"$here/uaction-desktop" --install-desktop-entry
mkdir -p "$bin"
for program in uaction uaction-desktop; do
    ln -sf "$here/$program" "$bin/$program"
done
echo "Linked uaction and uaction-desktop into $bin (make sure it is on your PATH)."
