import numpy as np, sys
from exp import *
from rh import *
import rh3
mt,mrows=load('mtat-crnn',82)
assert [r[0] for r in mrows]==[r[0] for r in rows]
A=blocks['rh']; E=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
for name,X in [('mt_e+rh',np.hstack([mt[:,:32],A])),('mt_all+rh',np.hstack([mt,A])),('E+mt_e+rh',np.hstack([E,mt[:,:32],A])),('E+mt_all+rh',np.hstack([E,mt,A]))]:
    print(name,'k5 %.3f %.3f'%rh3.cvk(X,y,0.01,5)); sys.stdout.flush()
