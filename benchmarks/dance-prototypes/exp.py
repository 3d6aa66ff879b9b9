import numpy as np, sys
E='/tmp/dance/emb/'
def load(name, d):
    x=np.fromfile(E+name+'/features.f32',dtype='<f4').reshape(-1,d)
    rows=[l.split('\t') for l in open(E+name+'/rows.tsv').read().splitlines()]
    return x,rows
crnn,rows=load('msd-crnn',82); fcn,_=load('msd-fcn',114); rh,_=load('rhythm',64)
labels=sorted(set(r[2] for r in rows)); y=np.array([labels.index(r[2]) for r in rows])
blocks={'crnn_e':crnn[:,:32],'crnn_t':crnn[:,32:],'fcn_e':fcn[:,:64],'fcn_t':fcn[:,64:],'rh':rh}
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
def folds(y,k,seed):
    rng=np.random.default_rng(seed); f=np.zeros(len(y),int)
    for c in np.unique(y):
        idx=np.where(y==c)[0]; rng.shuffle(idx); off=rng.integers(k)
        for i,j in enumerate(idx): f[j]=(off+i)%k
    return f
def cv(X,y,l2,k=3,R=5,transform=None):
    t1=[];t3=[]
    for r in range(R):
        f=folds(y,k,100+r); P=np.zeros((len(y),23))
        for i in range(k):
            tr=f!=i; te=f==i
            mu=X[tr].mean(0); sd=X[tr].std(0)+1e-4
            W,b=fit((X[tr]-mu)/sd,y[tr],l2)
            P[te]=((X[te]-mu)/sd)@W+b
        rank=np.argsort(-P,1)
        t1.append((rank[:,0]==y).mean()); t3.append((rank[:,:3]==y[:,None]).any(1).mean())
    return np.mean(t1),np.mean(t3)
def run(names,l2s=(0.01,0.1),extra=None):
    X=np.hstack([blocks[n] for n in names]+([extra] if extra is not None else []))
    for l2 in l2s:
        print(names, 'extra' if extra is not None else '', l2, '%.3f %.3f'%cv(X,y,l2)); sys.stdout.flush()
if __name__=='__main__':
    run(['rh'])
    run(['crnn_e','crnn_t','fcn_e','fcn_t'])
    run(['crnn_e','crnn_t','fcn_e','fcn_t','rh'])
    run(['crnn_t','fcn_t','rh'])
    run(['crnn_e','fcn_e','rh'])
    run(['crnn_e','crnn_t','rh'])
