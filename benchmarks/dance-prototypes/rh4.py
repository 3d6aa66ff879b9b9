import numpy as np, sys
from exp import *
from rh import *
A=feat(designs['A']); E=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def cvaug(E,A,y,l2,k=3,R=5,shifts=(-1,1)):
    t1=[];t3=[]
    for r in range(R):
        f=folds(y,k,100+r); P=np.zeros((len(y),23))
        for i in range(k):
            tr=f!=i; te=f==i
            Xs=[np.hstack([E[tr],A[tr]])]; ys=[y[tr]]
            for s in shifts:
                As=np.roll(A[tr],s,axis=1)
                if s>0: As[:,:s]=A[tr][:,:1]
                else: As[:,s:]=A[tr][:,-1:]
                Xs.append(np.hstack([E[tr],As])); ys.append(y[tr])
            Xtr=np.vstack(Xs); ytr=np.concatenate(ys)
            mu=Xtr.mean(0); sd=Xtr.std(0)+1e-4
            W,b=fit((Xtr-mu)/sd,ytr,l2); P[te]=((np.hstack([E[te],A[te]])-mu)/sd)@W+b
        rank=np.argsort(-P,1)
        t1.append((rank[:,0]==y).mean()); t3.append((rank[:,:3]==y[:,None]).any(1).mean())
    return np.mean(t1),np.mean(t3)
print('noaug %.3f %.3f'%cvaug(E,A,y,0.01,shifts=()))
print('aug1 %.3f %.3f'%cvaug(E,A,y,0.01))
print('aug2 %.3f %.3f'%cvaug(E,A,y,0.01,shifts=(-2,-1,1,2)))
