# Shared by start.sh and test.sh: create .venv and install the project when pyproject.toml changed.
# ensure_venv EXTRAS   (EXTRAS: "" or "dev")
ensure_venv() {
  local extras="$1" spec="." stamp=".venv/.installed"
  [ -n "$extras" ] && spec=".[$extras]" && stamp=".venv/.installed-$extras"
  if [ ! -x .venv/bin/python ]; then
    "${PYTHON:-python3}" -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing reportqa ($spec) into .venv ..."
    .venv/bin/python -m pip install -q -e "$spec"
    touch "$stamp"
  fi
}
