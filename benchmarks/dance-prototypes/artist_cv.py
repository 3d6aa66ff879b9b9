"""Artist-grouped stratified 5-fold x 5 CV over the cached features (numpy softmax regression as exp.py).
folds_artist mirrors CrossValidation.folds(songLabels, artists, k, seed) (another generator, so other draws)."""
import numpy as np, sys, os
E=os.environ.get('DANCE_EMB','/tmp/genre-vamp-dance/emb')+'/'
def load(name, d):
    x=np.fromfile(E+name+'/features.f32',dtype='<f4').reshape(-1,d)
    rows=[l.split('\t') for l in open(E+name+'/rows.tsv').read().splitlines()]
    return x,rows
crnn,rows=load('msd-crnn',82); fcn,_=load('msd-fcn',114); rh,_=load('rhythm',64)
tracks=[r[1] for r in rows]
labels=sorted(set(r[2] for r in rows)); y=np.array([labels.index(r[2]) for r in rows])
art={l.split('\t')[0]:l.split('\t')[1] for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','dance-artists.tsv'),encoding='utf-8').read().splitlines() if not l.startswith('#')}
A=[art[t] for t in tracks]
blocks={'crnn_e':crnn[:,:32],'crnn_t':crnn[:,32:],'fcn_e':fcn[:,:64],'fcn_t':fcn[:,64:],'rh':rh}
from softmax_cv import fit, folds_song
def folds_artist(y,k,seed):
    rng=np.random.default_rng(seed); groups={}
    for i,a in enumerate(A): groups.setdefault(a,[]).append(i)
    order=list(groups); rng.shuffle(order); order.sort(key=lambda a:-len(groups[a]))
    f=np.zeros(len(y),int); cnt=np.zeros((k,23),int); size=np.zeros(k,int)
    for a in order:
        s=groups[a]; ties=rng.permutation(k)
        best=min(ties,key=lambda j:(sum(cnt[j,y[i]] for i in s),size[j]))
        for i in s: f[i]=best; cnt[best,y[i]]+=1; size[best]+=1
    return f
MODE='artist'
def cv(X,y,l2,k=5,R=5,fitter=None,ret=False,aug=None):
    t1=[];t3=[]; fold=folds_artist if MODE=='artist' else folds_song
    for r in range(R):
        f=fold(y,k,100+r); P=np.zeros((len(y),23))
        for i in range(k):
            tr=f!=i; te=f==i
            if fitter is not None: P[te]=fitter(X,tr,te); continue
            mu=X[tr].mean(0); sd=X[tr].std(0)+1e-4
            W,b=fit((X[tr]-mu)/sd,y[tr],l2)
            P[te]=((X[te]-mu)/sd)@W+b
        rank=np.argsort(-P,1)
        t1.append((rank[:,0]==y).mean()); t3.append((rank[:,:3]==y[:,None]).any(1).mean())
    if ret: return t1,t3
    return np.mean(t1),np.mean(t3),np.std(t1,ddof=1),np.std(t3,ddof=1)
def fmt(r): return 'top1 %.3f±%.3f top3 %.3f±%.3f'%(r[0],r[2],r[1],r[3])
