from artist_cv import *
from onsets import *
import sys

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
