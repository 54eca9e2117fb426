"""Import spaCy without importing torch.

thinc (spaCy's machine-learning library) tries ``import torch`` when it is first imported, only
to offer its PyTorch wrappers. The shipped pipeline is pure thinc and never uses them, but where
torch is installed (the ``accurate`` extra) that import alone costs about 4 s of CPU and 250 MB
of memory at every start of ``lagebild analyze`` or ``ingest``.

:func:`import_thinc_without_torch` hides torch from thinc's one probe (``thinc.compat``) and
nothing else: code that needs torch later (the accurate stages, training) still imports it
normally. Set ``LAGEBILD_THINC_TORCH=1`` to let thinc see torch (for thinc's PyTorch wrappers);
when torch is already imported, thinc sees it anyway.
"""

from __future__ import annotations

import os
import sys


def import_thinc_without_torch() -> None:
    """Import ``thinc.compat`` with ``import torch`` failing inside it; no-op when thinc is
    already imported, torch already loaded, or ``LAGEBILD_THINC_TORCH`` is set."""
    if "thinc.compat" in sys.modules or "torch" in sys.modules:
        return
    if os.environ.get("LAGEBILD_THINC_TORCH"):
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise
    try:
        import thinc.compat  # noqa: F401
    finally:
        # Only thinc's probe is to miss torch; anyone importing it afterwards gets it.
        if sys.modules.get("torch") is None:
            del sys.modules["torch"]
