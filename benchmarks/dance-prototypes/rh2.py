import numpy as np, sys
from exp import *
from rh import *
def racf(o):
    n=len(o); e=(o**2).mean(); return np.array([(o[:n-l]*o[l:]).sum()/(n-l)/e for l in range(300)])
def tempo_feats(m):
    o=detr(onset(m)); r=racf(o)
    lags=np.arange(16,94)  # 0.256..1.5 s
    w=np.exp(-0.5*(np.log2(lags*HOP/0.5)/1.0)**2)
    T=lags[np.argmax(r[lags]*w)]*HOP
    centres=np.log2(60/np.array(np.geomspace(40,240,16)))
    rbf=np.exp(-0.5*((np.log2(T)-centres)/(1/6))**2)
    def at(t): 
        l=int(round(t/HOP)); return r[max(0,l-1):l+2].max() if l+2<len(r) else 0
    meter=np.array([at(2*T),at(3*T),at(4*T),at(T/2),at(T/3), at(1.5*T)])
    return np.concatenate([rbf,meter,[np.log2(T)]])
def knn(Xtr,ytr,Xte,k=1):
    pass
if __name__=='__main__':
    Tf=feat(tempo_feats); A=feat(designs['A'])
    E=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
    for name,X in [('tempo',Tf),('A+tempo',np.hstack([A,Tf])),('emb+A+tempo',np.hstack([E,A,Tf])),('all+A+tempo',np.hstack([E,blocks['crnn_t'],blocks['fcn_t'],A,Tf]))]:
        for l2 in (0.01,0.1):
            print(name,l2,'%.3f %.3f'%cv(X,y,l2)); sys.stdout.flush()
