import numpy as np, sys
from exp import *
from rh import *
from rh2 import tempo_feats
import exp
def cvk(X,y,l2,k,R=5,method='lr'):
    t1=[];t3=[]
    for r in range(R):
        f=folds(y,k,100+r); P=np.zeros((len(y),23))
        for i in range(k):
            tr=f!=i; te=f==i
            mu=X[tr].mean(0); sd=X[tr].std(0)+1e-4
            Ztr=(X[tr]-mu)/sd; Zte=(X[te]-mu)/sd
            if method=='lr':
                W,b=fit(Ztr,y[tr],l2); P[te]=Zte@W+b
            elif method=='centroid':
                C=np.array([Ztr[y[tr]==c].mean(0) if (y[tr]==c).any() else np.full(Ztr.shape[1],1e3) for c in range(23)])
                P[te]=-((Zte[:,None,:]-C[None])**2).sum(2)
            elif method=='knn':
                D=((Zte[:,None,:]-Ztr[None])**2).sum(2)
                for j in range(len(Zte)):
                    s=np.zeros(23)
                    for rank,idx in enumerate(np.argsort(D[j])[:5]): s[y[tr][idx]]+=1/(rank+1)
                    P[np.where(te)[0][j]]=s
        rank=np.argsort(-P,1)
        t1.append((rank[:,0]==y).mean()); t3.append((rank[:,:3]==y[:,None]).any(1).mean())
    return np.mean(t1),np.mean(t3)
Tf=feat(tempo_feats); A=feat(designs['A'])
E=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
X=np.hstack([E,A,Tf]); X2=np.hstack([E,A])
for k in (3,5,10):
    print('k',k,'emb+A+T lr %.3f %.3f'%cvk(X,y,0.01,k), 'emb+A lr %.3f %.3f'%cvk(X2,y,0.01,k)); sys.stdout.flush()
print('centroid k3 %.3f %.3f'%cvk(X,y,0,3,method='centroid'))
print('knn k3 %.3f %.3f'%cvk(X,y,0,3,method='knn'))
