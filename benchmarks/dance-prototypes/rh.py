import numpy as np, sys
from exp import *
HOP=0.016
mels=[np.fromfile('mel/%d.f32'%i,dtype='<f4').reshape(-1,96)[:1813].astype(np.float64) for i in range(116)]
def lag_s(k,L=64,lo=0.2,hi=4.0): return lo*(hi/lo)**(k/(L-1))
def onset(x, bands=None):
    d=np.maximum(0,np.diff(x,axis=0))
    if bands is not None: d=d[:,bands]
    o=np.concatenate([[0],d.mean(1)])
    return o
def detr(o,w=31):
    half=w//2; c=np.concatenate([[0],np.cumsum(o)]); n=len(o); out=np.empty(n)
    for t in range(n):
        a=max(0,t-half); b=min(n,t+half+1); out[t]=max(0,o[t]-(c[b]-c[a])/(b-a))
    return out
def acf(o,L=64,lo=0.2,hi=4.0):
    n=len(o); maxlag=int(np.ceil(lag_s(L-0.5,L,lo,hi)/HOP))
    e=(o**2).mean()
    r=np.array([(o[:n-l]*o[l:]).sum()/(n-l)/e for l in range(maxlag+1)]) if e>0 else np.zeros(maxlag+1)
    return np.array([r[int(np.floor(lag_s(k-0.5,L,lo,hi)/HOP)):min(maxlag,int(np.ceil(lag_s(k+0.5,L,lo,hi)/HOP)))+1].max() for k in range(L)])
def feat(fn): return np.array([fn(m) for m in mels])
designs={
 'A': lambda m: acf(detr(onset(m))),
 'B3': lambda m: np.concatenate([acf(detr(onset(m,slice(a,b)))) for a,b in ((0,24),(24,60),(60,96))]),
 'A_blur': lambda m: np.convolve(acf(detr(onset(m))),[0.25,0.5,0.25],'same'),
 'A_nodetr': lambda m: acf(onset(m)-onset(m).mean()),
 'A96': lambda m: acf(detr(onset(m)),96,0.15,4.0),
}
if __name__=='__main__':
    for name in sys.argv[1:]:
        R=feat(designs[name]); 
        for l2 in (0.01,):
            print(name,'rh only %.3f %.3f'%cv(R,y,l2), 'emb+rh %.3f %.3f'%cv(np.hstack([blocks['crnn_e'],blocks['fcn_e'],R]),y,l2)); sys.stdout.flush()
