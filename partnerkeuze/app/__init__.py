"""Layer 6, the app: the command pipeline and its gate, the mode table, creation and demo, and the three front doors (command line, Excel add-in, doctor)."""

import os

# The matrices of the sensitivity analysis are small: a second BLAS thread only spins and
# doubles the CPU time of `score` without making it faster. Set before numpy is imported.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
