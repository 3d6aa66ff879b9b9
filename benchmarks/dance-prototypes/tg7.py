from artist_cv import *
from onsets import *
from tempogram import ftempo
B3=((0,24),(24,60),(60,96))
def mb(m): return np.concatenate([ftempo(detr(onset(m,slice(a,b))),wl=3,hs=1,norm='local') for a,b in B3])
full=np.array([mb(m) for m in mels])
crops={}
for L in (10,15):
    n=int(L/0.016); starts=np.linspace(0,1813-n,4).astype(int)
    crops[L]=np.array([[mb(m[s:s+n]) for s in starts] for m in mels])   # [song][crop][144]
mn,_=load('jamendo-musicnn',250)
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e'],mn[:,:200]])
X=np.hstack([emb,full])
def fitter_crops(C):
    def f(Xall,tr,te):
        Xtr=[X[tr]]; ytr=[y[tr]]
        for c in range(C.shape[1]):
            Xtr.append(np.hstack([emb[tr],C[tr,c]])); ytr.append(y[tr])
        Xtr=np.vstack(Xtr); ytr=np.concatenate(ytr)
        mu=Xtr.mean(0); sd=Xtr.std(0)+1e-4
        W,b=fit((Xtr-mu)/sd,ytr,L2)
        return ((X[te]-mu)/sd)@W+b
    return f
for L2 in (0.01,0.1):
    print('base',L2,fmt(cv(X,y,L2)),flush=True)
    for L in crops:
        print('crops',L,L2,fmt(cv(X,y,L2,fitter=fitter_crops(crops[L]))),flush=True)
