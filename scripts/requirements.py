"""Print the dependencies from pyproject.toml, one per line, for `pip install -r`.

With extra names as arguments (e.g. `test`), print those optional
dependencies instead. The project is not a package, so `pip install .` would
only build an empty wheel; installing the list itself is all we need.
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]
extras = sys.argv[1:]
if extras:
    requirements = [req for extra in extras for req in project["optional-dependencies"][extra]]
else:
    requirements = project["dependencies"]
print("\n".join(requirements))
