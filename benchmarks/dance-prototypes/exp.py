import numpy as np, sys
E='/tmp/dance/emb/'
def load(name, d):
    x=np.fromfile(E+name+'/features.f32',dtype='<f4').reshape(-1,d)
    rows=[l.split('\t') for l in open(E+name+'/rows.tsv').read().splitlines()]
    return x,rows
crnn,rows=load('msd-crnn',82); fcn,_=load('msd-fcn',114); rh,_=load('rhythm',64)
labels=sorted(set(r[2] for r in rows)); y=np.array([labels.index(r[2]) for r in rows])
blocks={'crnn_e':crnn[:,:32],'crnn_t':crnn[:,32:],'fcn_e':fcn[:,:64],'fcn_t':fcn[:,64:],'rh':rh}
from softmax_cv import fit, folds_song as folds
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
