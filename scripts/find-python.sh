#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6.1 needs it), newest first.
# $PYTHON, when set, wins. Candidates must actually run: pyenv shims exist on
# PATH for every installed version but fail unless that version is selected.
set -euo pipefail

works() {
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1
}

if [[ -n "${PYTHON:-}" ]]; then
    if works "$PYTHON"; then
        command -v "$PYTHON"
        exit 0
    fi
    echo "PYTHON=$PYTHON does not run or is older than 3.12." >&2
    exit 1
fi

for candidate in python3.14 python3.13 python3.12; do
    if command -v "$candidate" >/dev/null && works "$candidate"; then
        command -v "$candidate"
        exit 0
    fi
done

# pyenv installs that are not selected by the shims; sort -V puts 3.13 above 3.12.1.
pyenv_root="${PYENV_ROOT:-/root/.pyenv}"
while read -r candidate; do
    if [[ -n "$candidate" ]] && works "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done < <(compgen -G "$pyenv_root/versions/3.1[2-9]*/bin/python3" | sort -V -r)

echo "No Python >= 3.12 found (tried python3.14, python3.13, python3.12 on PATH and" >&2
echo "$pyenv_root/versions/3.1[2-9]*). Install one, or set PYTHON=/path/to/python3." >&2
exit 1
