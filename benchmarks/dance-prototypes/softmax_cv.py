"""Shared by the prototypes: numpy softmax regression (Adam) and stratified song folds."""
import numpy as np
def fit(X,y,l2,steps=300,lr=0.01,C=23,seed=0):
    n,d=X.shape; rng=np.random.default_rng(seed)
    W=rng.normal(0,0.01,(d,C)); b=np.zeros(C); m=[np.zeros_like(W),np.zeros_like(b)]; v=[np.zeros_like(W),np.zeros_like(b)]
    Y=np.eye(C)[y]
    for t in range(1,steps+1):
        z=X@W+b; z-=z.max(1,keepdims=True); p=np.exp(z); p/=p.sum(1,keepdims=True)
        g=(p-Y)/n; gW=X.T@g+l2*W; gb=g.sum(0)
        for i,(P,G) in enumerate(((W,gW),(b,gb))):
            m[i]=0.9*m[i]+0.1*G; v[i]=0.999*v[i]+0.001*G*G
            P-= lr*(m[i]/(1-0.9**t))/(np.sqrt(v[i]/(1-0.999**t))+1e-8)
    return W,b
def folds_song(y,k,seed):
    rng=np.random.default_rng(seed); f=np.zeros(len(y),int)
    for c in np.unique(y):
        idx=np.where(y==c)[0]; rng.shuffle(idx); off=rng.integers(k)
        for i,j in enumerate(idx): f[j]=(off+i)%k
    return f
