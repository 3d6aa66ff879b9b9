from artist_cv import *
from onsets import *
import sys
V=dict(np.load('v1.npz'))
def ftempo(o,L=48,lo=40,hi=320,wl=8,hs=2,norm='max',comp=None):
    bpm=lo*(hi/lo)**(np.arange(L)/(L-1)); f=bpm/60.0
    w=int(wl/HOP); h=int(hs/HOP); acc=np.zeros(L); cnt=0
    hann=np.hanning(w)
    E=np.exp(-2j*np.pi*np.outer(f,np.arange(w)*HOP))
    for s in range(0,len(o)-w+1,h):
        seg=(o[s:s+w]-o[s:s+w].mean())*hann
        m=np.abs(E@seg)
        if norm=='local': m/= (np.sqrt((seg**2).sum())+1e-9)
        acc+=m; cnt+=1
    acc/=cnt
    if comp=='log': acc=np.log(acc+1e-3*acc.max()+1e-9)-np.log(acc.max()+1e-9)
    elif norm=='max': acc=acc/(acc.max()+1e-9)
    return acc
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def rep(name,R,l2s=(0.01,0.1)):
    for l2 in l2s:
        print(name,l2,'only',fmt(cv(R,y,l2)),'| emb+',fmt(cv(np.hstack([emb,R]),y,l2)),flush=True)
rep('F+L',np.hstack([V['F'],V['L']]))
for kw in [dict(L=32),dict(L=64),dict(wl=4,hs=1),dict(wl=12,hs=3),dict(lo=30,hi=480,L=56),dict(norm='local'),dict(comp='log'),dict(wl=29,hs=29)]:
    R=np.array([ftempo(o,**kw) for o in ON]); rep('F'+str(kw),R)
