from artist_cv import *
from onsets import *
import sys
V=dict(np.load('v1.npz'))
from tempogram import ftempo
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def rep(name,R,l2s=(0.01,0.1)):
    for l2 in l2s:
        print(name,l2,'only',fmt(cv(R,y,l2)),'| emb+',fmt(cv(np.hstack([emb,R]),y,l2)),flush=True)
rep('F+L',np.hstack([V['F'],V['L']]))
for kw in [dict(L=32),dict(L=64),dict(wl=4,hs=1),dict(wl=12,hs=3),dict(lo=30,hi=480,L=56),dict(norm='local'),dict(comp='log'),dict(wl=29,hs=29)]:
    R=np.array([ftempo(o,**kw) for o in ON]); rep('F'+str(kw),R)
