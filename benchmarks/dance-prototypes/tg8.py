from artist_cv import *
from onsets import *
HOPS=0.016
def tg_frames(o,L=48,lo=40,hi=320,wl=3,hs=1):
    bpm=lo*(hi/lo)**(np.arange(L)/(L-1)); f=bpm/60.0
    w=int(wl/HOPS); h=int(hs/HOPS); hann=np.hanning(w)
    E=np.exp(-2j*np.pi*np.outer(f,np.arange(w)*HOPS)); out=[]
    for s in range(0,len(o)-w+1,h):
        seg=(o[s:s+w]-o[s:s+w].mean())*hann; n=np.sqrt((seg**2).sum())
        out.append(np.abs(E@seg)/n if n>0 else np.zeros(L))
    return np.array(out)
B3=((0,24),(24,60),(60,96))
FR=[[tg_frames(detr(onset(m,slice(a,b)))) for a,b in B3] for m in mels]
mean=np.array([np.concatenate([f.mean(0) for f in s]) for s in FR])
std=np.array([np.concatenate([f.std(0) for f in s]) for s in FR])
mn,_=load('jamendo-musicnn',250)
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e'],mn[:,:200]])
for l2 in (0.01,0.1):
    print('mean',l2,fmt(cv(np.hstack([emb,mean]),y,l2)),flush=True)
    print('mean+std',l2,fmt(cv(np.hstack([emb,mean,std]),y,l2)),flush=True)
    print('log mean',l2,fmt(cv(np.hstack([emb,np.log(mean+1e-3)]),y,l2)),flush=True)
seeds=range(200,210)  # fresh fold draws: does the gain survive?
def cv2(X,l2,seeds):
    t1=[];t3=[]
    for r in seeds:
        f=folds_artist(y,5,r); P=np.zeros((len(y),23))
        for i in range(5):
            tr=f!=i; te=f==i; mu=X[tr].mean(0); sd=X[tr].std(0)+1e-4
            W,b=fit((X[tr]-mu)/sd,y[tr],l2); P[te]=((X[te]-mu)/sd)@W+b
        rank=np.argsort(-P,1); t1.append((rank[:,0]==y).mean()); t3.append((rank[:,:3]==y[:,None]).any(1).mean())
    return np.mean(t1),np.mean(t3),np.std(t1,ddof=1),np.std(t3,ddof=1)
msd=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
for l2 in (0.01,0.1):  # fresh seeds
    print('3nets mean',l2,fmt(cv2(np.hstack([emb,mean]),l2,seeds)),flush=True)
    print('3nets mean+std',l2,fmt(cv2(np.hstack([emb,mean,std]),l2,seeds)),flush=True)
    print('msd mean',l2,fmt(cv2(np.hstack([msd,mean]),l2,seeds)),flush=True)
    print('msd mean+std',l2,fmt(cv2(np.hstack([msd,mean,std]),l2,seeds)),flush=True)
