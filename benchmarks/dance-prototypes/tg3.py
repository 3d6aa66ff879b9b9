from artist_cv import *
from onsets import *
from tempogram import ftempo
V=dict(np.load('v1.npz'))
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def rep(name,R,l2s=(0.01,0.1)):
    for l2 in l2s:
        print(name,l2,'only',fmt(cv(R,y,l2)),'| emb+',fmt(cv(np.hstack([emb,R]),y,l2)),flush=True)
for kw in [dict(wl=4,hs=1,norm='local'),dict(wl=3,hs=1),dict(wl=6,hs=1.5),dict(wl=4,hs=0.5),dict(wl=4,hs=1,L=64),dict(wl=2,hs=0.5)]:
    R=np.array([ftempo(o,**kw) for o in ON]); rep('F'+str(kw),R)
