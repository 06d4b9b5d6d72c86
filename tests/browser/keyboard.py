"""Moving through a page the way a keyboard-only visitor does."""

import pytest

# More stops than any page has; reaching it means the focus never arrived.
MAX_TAB_PRESSES = 200


def press_tab_until_focused(page, target):
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{MAX_TAB_PRESSES} presses of Tab did not reach {target}")
